-- One delivered censor appointment (a register row), Danish names translated once.
with

source as (

    select * from {{ source('censors', 'censor_register') }}

),

renamed as (

    select
        source_file,
        source_line,
        extracted_on,
        trim("Censor-id") as censor_id,
        nullif(trim("Ansættelsessted"), '') as employer_institution_id,
        {{ split_pipe_list('"Fag"') }} as subjects,
        {{ parse_dk_date('"Beskikket fra"') }} as appointed_from,
        {{ parse_dk_date('"Beskikket til"') }} as appointed_to,
        try_cast(trim("Seneste fulde forløb") as integer) as last_full_course_year

    from source

)

select * from renamed
