help-level-invalid = keine Stufe; gültig sind { $levels }
