CREATE INDEX "facility_lat_lng_idx" ON "facility" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "organisation_lat_lng_idx" ON "organisation" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "building_lat_lng_idx" ON "building" USING btree ("lat","lng");