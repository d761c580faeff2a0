-- fvu.selfstudy_late: a self-studying FVU candidate registered less than 14 days before the exam
-- (fvu-written-exam-rules, "Selvstuderende": "skal tilmelde sig ... senest to uger før prøvens
-- afholdelse").
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Self-studying candidate registered (Tilmeldt) ' || strftime(registered_on, '%d-%m-%Y') || ', '
        || (exam_date - registered_on) || ' days before the exam on '
        || strftime(exam_date, '%d-%m-%Y')
        || '. Expected registration at least 14 days before the exam.' as detail
from intermediate.int_select_latest_grade_deliveries
where education = 'FVU'
    and is_self_study
    and exam_date - registered_on < 14
