-- Only the latest delivery per unit and term counts; earlier ones are superseded (CONTRACT §2).
{{ select_latest_delivery(ref('stg_komvux__groups'), ['unit', 'term']) }}
