-- One row per censor named on a current grade row: the grain the censor checks work at
-- (censor.same_institution, censor.not_appointed; folkeskole-censor-guide 3.5, §47).
with

sittings as (

    select * from {{ ref('int_derive_final_grades') }}

)

select
    institution_id,
    source_file,
    source_line,
    term,
    education,
    subject,
    exam_date,
    person_key,
    unnest(censor_ids) as censor_id

from sittings
