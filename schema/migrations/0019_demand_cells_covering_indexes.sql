DROP INDEX `demand_cells_occupation_idx`;--> statement-breakpoint
CREATE INDEX `demand_cells_occupation_cell_idx` ON `demand_cells` (`occupation`,`cell_lat`,`cell_lon`,`live`);--> statement-breakpoint
CREATE INDEX `demand_cells_cell_region_idx` ON `demand_cells` (`cell_lat`,`cell_lon`,`region`,`live`);