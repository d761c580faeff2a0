{#- Published counts must never lie between 1 and min_cell - 1 (CONTRACT §3). -#}
{% test no_small_counts(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} between 1 and {{ var('min_cell') }} - 1
{% endtest %}
