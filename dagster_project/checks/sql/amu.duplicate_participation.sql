-- amu.duplicate_participation: the same institution, team, person, course and start date appear
-- again in one delivery; the later rows fail. Rows without a person number are never merged
-- (as in int_dedupe_amu_participations).
with numbered as (
    select
        *,
        row_number() over (
            partition by source_file, team_id, person_key, fagkode, course_start_date
            order by source_line
        ) as occurrence,
        min(source_line) over (
            partition by source_file, team_id, person_key, fagkode, course_start_date
        ) as first_line
    from intermediate.int_select_latest_amu_deliveries
    where person_key is not null
)
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, quarter, team_id, fagkode, course_start_date, person_key, occurrence) as failure_key,
    'The participation on line ' || first_line || ' (team ' || coalesce(team_id, '?') || ', course '
        || fagkode || ', start ' || strftime(course_start_date, '%d-%m-%Y')
        || ') is delivered again. Expected each participation once; delete the repeated row.' as detail
from numbered
where occurrence > 1
