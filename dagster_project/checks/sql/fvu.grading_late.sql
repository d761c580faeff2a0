-- fvu.grading_late: graded more than 8 Danish working days after the papers were sent to the
-- censor (fvu-written-exam-rules, "Bedømmelse af besvarelser": the censor has eight working days).
-- Working days are Monday–Friday except Danish public holidays; the holidays come from the temp
-- table _danish_holidays that history.evaluate_checks builds from python `holidays`.
with

days as (
    select
        g.institution_id,
        g.source_file,
        g.source_line,
        g.term,
        g.education,
        g.subject,
        g.exam_date,
        g.person_key,
        g.sent_to_censor_on,
        g.graded_on,
        cast(unnest(generate_series(g.sent_to_censor_on + 1, g.graded_on, interval 1 day)) as date) as day
    from intermediate.int_select_latest_grade_deliveries as g
    where g.graded_on - g.sent_to_censor_on > 8
),

working as (
    select
        institution_id, source_file, source_line, term, education, subject, exam_date,
        person_key, sent_to_censor_on, graded_on, count(*) as working_days
    from days
    where isodow(day) <= 5
        and day not in (select day from _danish_holidays)
    group by all
)

select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Graded (Bedømt) ' || strftime(graded_on, '%d-%m-%Y') || ', ' || working_days
        || ' working days after the papers were sent to the censor on '
        || strftime(sent_to_censor_on, '%d-%m-%Y') || '. Expected at most 8 working days.' as detail
from working
where working_days > 8
