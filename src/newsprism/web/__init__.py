"""The local web app: ``create_app(store)`` (FastAPI, server-rendered with Jinja2, JSON API under ``/api``);
``serve(db)`` runs it with uvicorn on 127.0.0.1."""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
