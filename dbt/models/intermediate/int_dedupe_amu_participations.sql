-- One row per AMU participation in the current deliveries. A participation delivered twice in
-- one file (same institution, team, person, course and start date) is counted once: the first
-- row stands and the later ones are the duplicates check amu.duplicate_participation reports.
with

participations as (

    select * from {{ ref('int_select_latest_amu_deliveries') }}

),

keyed as (

    select
        *,
        md5(concat_ws('|',
            institution_id, quarter, coalesce(team_id, ''), coalesce(person_key, 'line:' || source_line),
            coalesce(fagkode, ''), coalesce(cast(course_start_date as varchar), '')
        )) as participation_key,
        row_number() over (
            -- Rows without a person number cannot be shown to be the same person: never merged.
            partition by institution_id, quarter, team_id, coalesce(person_key, 'line:' || source_line),
                fagkode, course_start_date
            order by source_line
        ) as occurrence

    from participations

)

select * exclude (occurrence)
from keyed
where occurrence = 1
