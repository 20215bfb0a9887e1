"""Checks the service's real responses against backend/openapi.yaml, so the two cannot drift."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from aiohttp import web

SPEC_PATH = Path(__file__).resolve().parents[2] / "backend" / "openapi.yaml"


@dataclass
class OpenApiContract:
    """The spec plus the violations seen so far."""

    spec: dict[str, Any]
    violations: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> OpenApiContract:
        """Read the spec and check it is itself valid JSON Schema where it declares schemas."""
        return cls(yaml.safe_load(SPEC_PATH.read_text()))

    def operations(self) -> set[tuple[str, str]]:
        """Every (METHOD, path template) the spec declares."""
        return {
            (method.upper(), path)
            for path, item in self.spec["paths"].items()
            for method in item
            if method in {"get", "post", "put", "patch", "delete"}
        }

    def check(self, method: str, template: str, status: int, body: bytes) -> None:
        """Record a violation when a response is not one the spec allows."""
        operation = self.spec["paths"].get(template, {}).get(method.lower())
        if operation is None:
            self.violations.append(f"{method} {template}: not in the spec")
            return
        response = operation["responses"].get(str(status))
        if response is None:
            self.violations.append(f"{method} {template}: status {status} not in the spec")
            return
        if "$ref" in response:
            response = self.resolve(response["$ref"])
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            return
        try:
            document = json.loads(body)
        except ValueError:
            self.violations.append(f"{method} {template} {status}: body is not JSON")
            return
        validator = jsonschema.Draft202012Validator(
            schema, resolver=jsonschema.RefResolver.from_schema(self.spec), format_checker=jsonschema.FormatChecker()
        )
        for error in validator.iter_errors(document):
            self.violations.append(f"{method} {template} {status}: {error.message} at {list(error.absolute_path)}")

    def resolve(self, ref: str) -> dict[str, Any]:
        """Follow a local $ref."""
        node: Any = self.spec
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        return node

    def middleware(self) -> Any:
        """An outermost middleware that checks every response the app sends."""

        @web.middleware
        async def check_response(request: web.Request, handler: Any) -> web.StreamResponse:
            response = await handler(request)
            resource = request.match_info.route.resource
            template = resource.canonical if resource is not None else request.path
            body = response.body if isinstance(response, web.Response) and response.body is not None else b""
            self.check(request.method, template, response.status, bytes(body))  # type: ignore[arg-type]
            return response

        return check_response

    def assert_no_violations(self) -> None:
        """Fail the test on any response that broke the contract."""
        assert not self.violations, "responses do not match openapi.yaml:\n" + "\n".join(self.violations)
