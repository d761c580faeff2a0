-- grade.invalid: a grade token (examiner, censor or reported) is not on the 7-point scale nor
-- B/IB (folkeskole-censor-guide 3.5, karakterbekendtgørelsen §14; CONTRACT §4). `02` and `00`
-- are the scale's spellings, so `2`, `11`, `13` or `5` are invalid.
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Grades not on the 7-point scale (12 10 7 4 02 00 -3) nor B/IB: '
        || array_to_string(
            list_filter(
                examiner_grades || censor_grades || coalesce([reported_grade], []::varchar[]),
                lambda t: t not in ('12', '10', '7', '4', '02', '00', '-3', 'B', 'IB')
            ),
            ', '
        )
        || ' (exam in ' || coalesce(subject, '?') || ' on ' || coalesce(strftime(exam_date, '%d-%m-%Y'), '?')
        || '). Expected only scale values.' as detail
from intermediate.int_derive_final_grades
where not grades_valid
