-- One delivered AMU course participation, Danish column names translated once, values typed.
with

source as (

    select * from {{ source('amu', 'amu_results') }}

),

renamed as (

    select
        source_file,
        source_line,
        institution_id,
        period as quarter,
        extracted_on,
        trim("Hold-id") as team_id,
        {{ parse_dk_date('"Startdato (fag)"') }} as course_start_date,
        {{ parse_dk_date('"Slutdato (fag)"') }} as course_end_date,
        person_key,
        person_number_valid,
        person_number_issue,
        person_birth_year,
        person_sex,
        trim("Fagkode") as fagkode,
        trim("Kursusnavn") as course_title,
        nullif(nullif(trim("Niveau"), '-'), '') as course_level,
        trim("Fkb") as fkb,
        case lower(trim("Selvstuderende")) when 'ja' then true when 'nej' then false end as is_self_study,
        try_cast(trim("Resultat") as integer) as result_code,
        {{ parse_dk_datetime('"Senest redigeret"') }} as last_edited_at

    from source

)

select * from renamed
