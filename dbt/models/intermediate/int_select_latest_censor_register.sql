-- The latest register file is the whole register (CONTRACT §2.3); earlier files are history.
{{ select_latest_delivery(ref('stg_censors__appointments'), []) }}
