-- Only the latest delivery per institution_id and term counts; earlier ones are superseded (CONTRACT §2).
{{ select_latest_delivery(ref('stg_grades__exam_sittings'), ['institution_id', 'term']) }}
