"""`proxygraph serve`: a read-only web app and JSON API over the claim store.

from proxygraph.web import create_app
app = create_app("proxygraph.db")       # an ASGI app (FastAPI); run it with uvicorn
"""

from proxygraph.web.app import Limits, create_app

__all__ = ["Limits", "create_app"]
