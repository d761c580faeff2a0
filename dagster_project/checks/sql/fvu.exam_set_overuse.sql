-- fvu.exam_set_overuse (set-level): one FVU exam set used more than three times on one day at one
-- institution (fvu-written-exam-rules, "Før afviklingen af den skriftlige prøve", point 3: "et
-- prøvesæt kun anvendes op til tre gange i løbet af én dag").
select
    institution_id,
    null as source_file,
    null as source_line,
    concat_ws('|', institution_id, exam_set_id, strftime(exam_date, '%Y-%m-%d')) as record_key,
    concat_ws('|', institution_id, exam_set_id, strftime(exam_date, '%Y-%m-%d')) as failure_key,
    'Exam set ' || exam_set_id || ' was used ' || count(*) || ' times on '
        || strftime(exam_date, '%d-%m-%Y') || '. Expected at most three uses a day.' as detail
from intermediate.int_select_latest_grade_deliveries
where education = 'FVU'
    and exam_set_id is not null
    and exam_date is not null
group by institution_id, exam_set_id, exam_date
having count(*) > 3
