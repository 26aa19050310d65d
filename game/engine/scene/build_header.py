"""Building the head of a scene file: its roles, variables and starting meters."""

from __future__ import annotations

from typing import Any

from game.engine.scene.fields import IDENTIFIER, FieldChecker, _suggest, describe
from game.engine.scene.keys import ROLE_KEYS
from game.engine.scene.model import Role, VariableValue


class HeaderBuilder(FieldChecker):
    roles: dict[str, Role]
    variables: dict[str, VariableValue]

    def build_roles(self, raw: Any) -> dict[str, Role]:
        roles: dict[str, Role] = {}
        if raw is None or not self.expect(("roles",), raw, dict, "roles"):
            return roles
        for role_id, spec in raw.items():
            path = ("roles", role_id)
            self.identifier(path, role_id, "a role id")
            if isinstance(spec, str):
                spec = {"name": spec}
            if not self.expect(path, spec, dict, f"role {role_id!r}"):
                continue
            self.check_keys(path, spec, ROLE_KEYS, f"role {role_id!r}")
            playable = spec.get("playable", False)
            self.expect(path + ("playable",), playable, bool, "playable")
            roles[role_id] = Role(
                id=role_id,
                name=self.text(path + ("name",), spec.get("name", role_id), "a role name"),
                playable=playable is True,
                about=self.text(path + ("about",), spec.get("about"), "about", required=False),
            )
        if roles and not any(r.playable for r in roles.values()):
            self.error(("roles",), "no role is playable; mark the player's role with 'playable: true'")
        return roles

    def build_variables(self, raw: Any) -> dict[str, VariableValue]:
        variables: dict[str, VariableValue] = {}
        if raw is None or not self.expect(("variables",), raw, dict, "variables"):
            return variables
        reserved = self.catalogue.meter_keys | {"and", "or", "not", "true", "false", "score", "trap"}
        for name, initial in raw.items():
            path = ("variables", name)
            if name in reserved or not IDENTIFIER.match(name) or "-" in name:
                self.error(path, f"{name!r} cannot be a variable name", on_key=True)
                continue
            if not isinstance(initial, (bool, int, str)):
                self.error(path, f"variable {name!r} should start as true/false, a whole number or text, found {describe(initial)}")
                continue
            variables[name] = initial
        return variables

    def build_start_meters(self, raw: Any) -> dict[str, int]:
        meters = {m.key: 0 for m in self.catalogue.meters}
        if raw is None or not self.expect(("meters",), raw, dict, "meters"):
            return meters
        for key, value in raw.items():
            if key not in meters:
                self.error(("meters", key), f"unknown meter {key!r}{_suggest(key, meters)}", on_key=True)
            elif self.expect(("meters", key), value, int, f"meter {key!r}"):
                meters[key] = self.catalogue.meter(key).clamp(value)
        return meters
