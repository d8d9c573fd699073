"""The frame of every page run: context (plan, Stand, language and the read key), navigation, sign-in and
roles, URL binding and parsing, select-box helpers, the run gate and the error frame."""
