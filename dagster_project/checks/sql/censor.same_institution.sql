-- censor.same_institution: a censor on the grade row is employed (register: Ansættelsessted) at
-- the institution holding the exam (folkeskole-censor-guide 3.5, Prøvebekendtgørelsen §47:
-- "Censorerne må ikke være ansat på den skole, hvor de skal virke som censorer").
with

censors_on_rows as (
    select * from intermediate.int_unnest_exam_censors
),

employed_here as (
    select distinct c.*
    from censors_on_rows as c
    inner join intermediate.int_select_latest_censor_register as r
        on r.censor_id = c.censor_id and r.employer_institution_id = c.institution_id
)

select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Censor ' || string_agg(censor_id, ', ' order by censor_id) || ' is employed at institution '
        || institution_id || ', which holds this exam (' || coalesce(subject, '?') || ' on '
        || coalesce(strftime(exam_date, '%d-%m-%Y'), '?')
        || '). Expected a censor from another institution.' as detail
from employed_here
group by institution_id, source_file, source_line, term, education, subject, exam_date, person_key
