"""What authors run: exploring every path (check) and the scene as a graph."""
