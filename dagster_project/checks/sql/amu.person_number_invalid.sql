-- amu.person_number_invalid: Cpr-nummer is not 10 digits forming a real birth date under the CPR
-- century rule (ingestion judged it before replacing it by a pseudonym; modulus 11 not required).
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, quarter, team_id, fagkode, course_start_date, 'line', source_line) as failure_key,
    'Cpr-nummer is invalid: ' || coalesce(person_number_issue, 'empty')
        || '. Expected DDMMYY-SSSS forming a real birth date.' as detail
from intermediate.int_select_latest_amu_deliveries
where not person_number_valid
