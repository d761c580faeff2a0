-- A corrected delivery supersedes earlier ones for the same institution and quarter; rows absent
-- from it were deleted at the source (CONTRACT §2), so only the latest file's rows survive.
with

participations as (

    select * from {{ ref('stg_amu__participations') }}

),

ranked as (

    select
        *,
        dense_rank() over (
            partition by institution_id, quarter
            order by extracted_on desc, source_file desc
        ) as delivery_rank

    from participations

)

select * exclude (delivery_rank)
from ranked
where delivery_rank = 1
