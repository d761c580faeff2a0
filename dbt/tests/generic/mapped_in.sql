{#- Every delivered value (trimmed, lower-cased, empty ignored) has a row in the mapping seed.
    Used on sources with severity warn: an unmapped value is a data problem to report, and must
    not stop the rest of the warehouse from building. -#}
{% test mapped_in(model, column_name, to, field, lowercase=true) %}
    select distinct delivered.{{ column_name }} as unmapped_value
    from {{ model }} as delivered
    left join {{ to }} as mapping
        on {% if lowercase %}lower(trim(delivered.{{ column_name }})) = lower(mapping.{{ field }}){% else %}trim(delivered.{{ column_name }}) = mapping.{{ field }}{% endif %}
    where nullif(trim(delivered.{{ column_name }}), '') is not null
        and mapping.{{ field }} is null
{% endtest %}
