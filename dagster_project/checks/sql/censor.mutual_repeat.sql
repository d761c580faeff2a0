-- censor.mutual_repeat (set-level): examiner X's exam was censored by Y and Y's exam by X within
-- two years (folkeskole-censor-guide 3.5, Prøvebekendtgørelsen §47: "det tilstræbes, at der ikke
-- forekommer gentagen og gensidig censur indenfor en samlet periode på to år"). Examiner and censor
-- ids are one id space (teachers), so the pair is named once, ids sorted.
with

assessments as (
    select distinct institution_id, exam_date, examiner_id, unnest(censor_ids) as censor_id
    from (
        select institution_id, exam_date, censor_ids, unnest(examiner_ids) as examiner_id
        from intermediate.int_select_latest_grade_deliveries
        where exam_date is not null
    )
),

mutual as (
    select
        least(a.examiner_id, a.censor_id) as first_id,
        greatest(a.examiner_id, a.censor_id) as second_id,
        least(a.institution_id, b.institution_id) as institution_id,
        least(a.exam_date, b.exam_date) as first_date,
        greatest(a.exam_date, b.exam_date) as second_date
    from assessments as a
    inner join assessments as b
        on b.examiner_id = a.censor_id
        and b.censor_id = a.examiner_id
        and abs(a.exam_date - b.exam_date) <= 730
    where a.examiner_id <> a.censor_id
)

select
    min(institution_id) as institution_id,
    null as source_file,
    null as source_line,
    first_id || '|' || second_id as record_key,
    first_id || '|' || second_id as failure_key,
    'Teachers ' || first_id || ' and ' || second_id
        || ' censored each other''s exams within two years (exams between '
        || strftime(min(first_date), '%d-%m-%Y') || ' and ' || strftime(max(second_date), '%d-%m-%Y')
        || '). Expected no repeated mutual censorship within two years.' as detail
from mutual
group by first_id, second_id
