-- complaint.late: a complaint received more than 14 calendar days after the exam and not
-- rejected (fgu-exam-regulations, "Klager": "Indgives senest 2 uger efter prøve"; a late
-- complaint should be rejected as filed too late).
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, coalesce(complaint_id, 'line ' || source_line)) as failure_key,
    'Complaint ' || coalesce(complaint_id, '?') || ' was received ' || strftime(received_on, '%d-%m-%Y')
        || ', ' || (received_on - exam_date) || ' days after the exam on '
        || strftime(exam_date, '%d-%m-%Y') || ', and was decided '
        || coalesce(decision, 'without a decision')
        || '. Expected complaints filed after 14 days to be rejected (afvist).' as detail
from intermediate.int_select_latest_complaint_deliveries
where received_on - exam_date > 14
    and decision is distinct from 'rejected'
