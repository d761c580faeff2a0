{#- Every element of a list column (e.g. the `|`-separated grades) has a row in the reference
    table. Severity warn where it tests delivered data: grade.invalid reports the rows. -#}
{% test list_values_in(model, column_name, to, field) %}
    select distinct token as unmapped_value
    from (select unnest({{ column_name }}) as token from {{ model }}) as tokens
    where token not in (select {{ field }} from {{ to }})
{% endtest %}
