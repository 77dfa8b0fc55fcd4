party('\xD800\').
