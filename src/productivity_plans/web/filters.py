"""The list filters every page and API route shares, checked one way.

A filter value the service does not know (a council type, region, status, document type or
council that does not exist) is a mistake in the request, not an empty result: answered with
an error summary on a page (status 400) and a 422 in the API, in FastAPI's own error shape, so
a typo never looks like "nothing found".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.exceptions import RequestValidationError

from productivity_plans.web.catalogue import Catalogue
from productivity_plans.web.views import STATUS_LABELS


def _known_type(catalogue: Catalogue, value: str) -> bool:
    return value in catalogue.council_types()


def _known_region(catalogue: Catalogue, value: str) -> bool:
    return value.lower() in {r.lower() for r in catalogue.regions()}


def _known_status(catalogue: Catalogue, value: str) -> bool:
    return value in STATUS_LABELS


def _known_doc_type(catalogue: Catalogue, value: str) -> bool:
    return value in {d.id for d in catalogue.framework.document_types}


def _known_council(catalogue: Catalogue, value: str) -> bool:
    return catalogue.council(value.upper()) is not None


def _known_documents(catalogue: Catalogue, value: str) -> bool:
    return value in ("yes", "no")


CHECKS: dict[str, tuple[Callable[[Catalogue, str], bool], str]] = {
    "type": (_known_type, "Choose a council type from the list"),
    "region": (_known_region, "Choose a region from the list"),
    "status": (_known_status, "Choose a status from the list"),
    "doc_type": (_known_doc_type, "Choose a document type from the list"),
    "council": (_known_council, "Enter the GSS code of a council asked for a plan"),
    "documents": (_known_documents, "Choose with or without documents"),
}


def filter_errors(catalogue: Catalogue, **values: str | None) -> dict[str, str]:
    """Query parameter → message, for each given value the service does not know. Empty
    values mean "no filter" and are fine."""
    errors = {}
    for name, value in values.items():
        known, message = CHECKS[name]
        if value and not known(catalogue, value):
            errors[name] = message
    return errors


def check_api_filters(catalogue: Catalogue, **values: str | None) -> None:
    """Raise the API's 422 (FastAPI's shape: ``detail`` is a list of ``loc``/``msg``/``type``)
    for unknown filter values."""
    errors = filter_errors(catalogue, **values)
    if errors:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": message,
                    "type": "value_error",
                    "input": values[name],
                }
                for name, message in errors.items()
            ]
        )


def known_values(catalogue: Catalogue) -> dict[str, list[str]]:
    """Each API filter's accepted values in their canonical spelling."""
    return {
        "type": catalogue.council_types(),
        "region": catalogue.regions(),
        "status": list(STATUS_LABELS),
        "doc_type": [d.id for d in catalogue.framework.document_types],
        "council": [c.gss_code for c in catalogue.councils_in_scope()],
    }


def _enumerated(parameter: dict[str, Any]) -> bool:
    """A parameter typed as a Literal already lists its values (and refuses an empty one)."""
    schema = parameter.get("schema", {})
    return "enum" in schema or any("enum" in s for s in schema.get("anyOf", []))


def describe_known_values(schema: dict[str, Any], catalogue: Catalogue) -> None:
    """Give every API filter parameter in the OpenAPI description the list of values it
    accepts, so that what the description allows is what the API accepts (anything else is
    the 422 above)."""
    values = known_values(catalogue)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                accepted = values.get(parameter["name"])
                if parameter.get("in") == "query" and accepted and not _enumerated(parameter):
                    # An empty value is no filter, as from a page's "All" option.
                    parameter["schema"] = {"type": "string", "enum": ["", *accepted]}
