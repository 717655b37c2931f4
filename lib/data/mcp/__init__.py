"""Rebound's data for the person's own assistant, over the Model Context Protocol (stdio).

reads.py and writes.py are plain functions over an engine (tested without a client); server.py
registers them as tools on the official SDK's MCPServer.
"""
