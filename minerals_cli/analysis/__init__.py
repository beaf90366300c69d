"""Pure functions over the validated data; each command's answer is a result model (results/).

Nothing here prints, reads arguments, names a command-line option or
raises a usage error: user input arrives already resolved (resolve.py).
One module per question (exposure, country, gaps, scenario, summary,
chart, lists, profile); the pieces they share each have one home: bounds.py
(published bounds as spans), supply.py (which records a run uses),
shares.py (share arithmetic), leading.py (the leading source), scope.py
(default edition and list), groups.py, targets.py and caveats.py.
"""
