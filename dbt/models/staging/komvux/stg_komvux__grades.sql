-- One delivered prövning grade from Lärportalen Ping Pong, Swedish names translated once.
with

source as (

    select * from {{ source('komvux', 'pingpong_grades') }}

),

renamed as (

    select
        source_file,
        source_line,
        institution_id as unit,
        period as term,
        extracted_on,
        person_key,
        person_number_valid,
        person_number_issue,
        person_birth_year,
        person_sex,
        trim("Kurskod") as course_code,
        trim("Gruppnamn") as group_name,
        nullif(trim("Betyg"), '') as grade,
        {{ parse_se_date('"Betygsdatum"') }} as grade_date,
        nullif(trim("Betygsättande lärare"), '') as grading_teacher_id

    from source

)

select * from renamed
