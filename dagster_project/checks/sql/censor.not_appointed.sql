-- censor.not_appointed: a censor on the grade row is not in the censor register, or the exam
-- date is outside the appointment (folkeskole-censor-guide 3.5, Prøvebekendtgørelsen §43 and
-- §46: censors are appointed (beskikket) by the ministry). The latest register file is the whole
-- register (CONTRACT §2.3).
with

censors_on_rows as (
    select * from intermediate.int_unnest_exam_censors
),

unappointed as (
    select
        c.*,
        case
            when not exists (
                select 1 from intermediate.int_select_latest_censor_register as r
                where r.censor_id = c.censor_id
            ) then 'is not in the censor register'
            else 'is not appointed on ' || coalesce(strftime(c.exam_date, '%d-%m-%Y'), 'an unknown date')
        end as problem
    from censors_on_rows as c
    where not exists (
        select 1 from intermediate.int_select_latest_censor_register as r
        where r.censor_id = c.censor_id
            and c.exam_date between r.appointed_from and r.appointed_to
    )
)

select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, term, education, subject, exam_date, coalesce(person_key, 'line ' || source_line)) as failure_key,
    string_agg('censor ' || censor_id || ' ' || problem, '; ' order by censor_id)
        || ' (exam in ' || coalesce(subject, '?')
        || '). Expected censors appointed in the register for the exam date.' as detail
from unappointed
group by institution_id, source_file, source_line, term, education, subject, exam_date, person_key
