"""Documents drawn from an incident's record: the information report (信息报送) of 6.1.3(4).

Pure: each builder takes the folded incident and its pack and returns the file's bytes."""
