"""The pack format: models, loading with located errors, generation, formats."""
