help-level-invalid = not a level; valid are { $levels }
