"""The PySide6 wizard. The only package that imports Qt."""
