"""What people read of the status: the view model, its terminal tables, CSV and JSON, and `find`."""
