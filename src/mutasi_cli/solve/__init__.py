"""The plan: candidate moves, the integer model, stage A (aggregate), stage B (pricing), the solvers, the independent verifier, the planner and the infeasibility diagnosis."""
