{#- A corrected delivery supersedes earlier ones for the same partition (institution or unit and
    period); rows absent from it were deleted at the source (CONTRACT §2), so only the latest
    file's rows survive. Ties on the stamp fall to the later file name, deterministically. -#}
{% macro select_latest_delivery(relation, partition_by) -%}
    select * exclude (delivery_rank)
    from (
        select
            *,
            dense_rank() over (
                {% if partition_by %}partition by {{ partition_by | join(', ') }}{% endif %}
                order by extracted_on desc, source_file desc
            ) as delivery_rank
        from {{ relation }}
    )
    where delivery_rank = 1
{%- endmacro %}
