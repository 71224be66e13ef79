"""Where raw items come from. Every source implements ``Source``; the registry says which are declared."""
