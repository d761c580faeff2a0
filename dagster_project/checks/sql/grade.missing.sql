-- grade.missing: an assessed sitting (Status bedømt) without a reported final grade; only the
-- statuses udeblevet, syg, bortvist, fritaget and ikke afleveret carry no grade (CONTRACT §4,
-- folkeskole-censor-guide 7.6).
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Status is bedømt but Karakter is empty (exam in ' || coalesce(subject, '?') || ' on '
        || coalesce(strftime(exam_date, '%d-%m-%Y'), '?')
        || '). Expected the final grade, or a status such as udeblevet or syg.' as detail
from intermediate.int_derive_final_grades
where status = 'assessed'
    and reported_grade is null
