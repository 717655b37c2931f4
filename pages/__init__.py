"""The views, one file each (st.navigation in app.py). A package only so the layer contracts can see it."""
