"""The Präsentationsmodus: slides as HTML, their controls and the link parameters."""
