-- One delivered grade-list row (an exam sitting), Danish names translated once, values typed.
-- Status, Prøvegang and Prøveform are translated through seeds so the mapping lives in one place.
with

source as (

    select * from {{ source('grades', 'grade_lists') }}

),

statuses as (select * from {{ ref('exam_status_codes') }}),

attempts as (select * from {{ ref('exam_attempt_codes') }}),

exam_forms as (select * from {{ ref('exam_form_codes') }}),

renamed as (

    select
        source.source_file,
        source.source_line,
        source.institution_id,
        source.period as term,
        source.extracted_on,
        upper(trim(source."Uddannelse")) as education,
        trim(source."Fag") as subject,
        exam_forms.exam_form,
        {{ parse_dk_date('source."Prøvedato"') }} as exam_date,
        source.person_key,
        source.person_number_valid,
        source.person_number_issue,
        source.person_birth_year,
        source.person_sex,
        {{ split_pipe_list('source."Eksaminator"') }} as examiner_ids,
        {{ split_pipe_list('source."Censor"') }} as censor_ids,
        {{ split_pipe_list('source."Karakter eksaminator"') }} as examiner_grades,
        {{ split_pipe_list('source."Karakter censor"') }} as censor_grades,
        nullif(trim(source."Karakter"), '') as reported_grade,
        statuses.status,
        attempts.attempt,
        {{ parse_ja_nej('source."Særlige vilkår"') }} as has_special_conditions,
        {{ parse_ja_nej('source."Selvstuderende"') }} as is_self_study,
        {{ parse_dk_date('source."Tilmeldt"') }} as registered_on,
        nullif(trim(source."Opgavesæt"), '') as exam_set_id,
        {{ parse_dk_date('source."Sendt til censor"') }} as sent_to_censor_on,
        {{ parse_dk_date('source."Bedømt"') }} as graded_on

    from source
    left join statuses on lower(trim(source."Status")) = statuses.status_da
    left join attempts on lower(trim(source."Prøvegang")) = attempts.attempt_da
    left join exam_forms on lower(trim(source."Prøveform")) = exam_forms.exam_form_da

)

select * from renamed
