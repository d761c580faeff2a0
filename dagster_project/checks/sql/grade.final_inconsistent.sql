-- grade.final_inconsistent: the reported Karakter differs from the grade the assessors' grades
-- give under the grading rule (folkeskole-censor-guide 3.5, karakterbekendtgørelsen §14 stk. 1–3
-- and §15; CONTRACT §4). Rows with invalid or missing grades belong to grade.invalid or
-- grade.missing, and without assessor grades the reported grade is the final one.
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Karakter is ' || reported_grade || ' but the assessors'' grades (examiner '
        || coalesce(nullif(array_to_string(examiner_grades, '|'), ''), 'none') || ', censor '
        || coalesce(nullif(array_to_string(censor_grades, '|'), ''), 'none')
        || ') give ' || final_grade || ' under karakterbekendtgørelsen §14–15. Expected Karakter '
        || final_grade || '.' as detail
from intermediate.int_derive_final_grades
where status = 'assessed'
    and reported_grade is not null
    and grades_valid
    and has_assessor_grades
    and final_grade is distinct from reported_grade
