"""Shared plumbing: user texts (messages), Indonesian numbers, processes and signals (runtime), safe writing of outputs (files), the terminal."""
