-- One delivered prövning group from BER, Swedish names translated once.
with

source as (

    select * from {{ source('komvux', 'ber_groups') }}

),

renamed as (

    select
        source_file,
        source_line,
        institution_id as unit,
        period as term,
        extracted_on,
        trim("Gruppnamn") as group_name,
        trim("Enhet") as group_unit,
        trim("Skolform") as school_form,
        trim("Kurskod") as course_code,
        try_cast(trim("Poäng") as integer) as course_points,
        trim("Utbildningsåtgärd") as education_measure,
        {{ parse_se_date('"Från och med"') }} as starts_on,
        {{ parse_se_date('"Till och med"') }} as ends_on,
        {{ split_pipe_list('"Betygsättande lärare"') }} as grading_teacher_ids

    from source

)

select * from renamed
