-- One delivered registration of a student in a prövning group (BER), Swedish names translated.
with

source as (

    select * from {{ source('komvux', 'ber_enrolments') }}

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
        trim("Gruppnamn") as group_name,
        trim("Kurskod") as course_code,
        {{ parse_se_date('"Från och med"') }} as starts_on,
        -- The routine registers the prövning date as the enrolment's end date.
        {{ parse_se_date('"Till och med"') }} as exam_date,
        nullif(trim("Status"), '') as enrolment_status,
        nullif(trim("Studieaktiv"), '') as study_active

    from source

)

select * from renamed
