-- amu.course_unknown: Fagkode is not in the course catalogue, or its Fkb differs from the
-- catalogue's (seed amu_course_catalogue).
select
    p.institution_id,
    p.source_file,
    p.source_line,
    null as record_key,
    concat_ws('|', p.institution_id, p.quarter, p.team_id, p.fagkode, p.course_start_date, p.person_key) as failure_key,
    case
        when c.fagkode is null then 'Fagkode ' || coalesce(p.fagkode, 'empty') || ' is not in the AMU course catalogue.'
        else 'Fkb ' || coalesce(p.fkb, 'empty') || ' differs from the catalogue''s ' || c.fkb
            || ' for course ' || p.fagkode || '.'
    end as detail
from intermediate.int_select_latest_amu_deliveries as p
left join reference.amu_course_catalogue as c
    on c.fagkode = p.fagkode
where c.fagkode is null or c.fkb is distinct from p.fkb
