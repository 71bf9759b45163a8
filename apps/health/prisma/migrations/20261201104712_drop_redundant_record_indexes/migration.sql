-- DropIndex
DROP INDEX "immunisation_station_id_idx";

-- DropIndex
DROP INDEX "health_service_contact_child_record_id_served_on_idx";

-- DropIndex
DROP INDEX "health_service_contact_station_id_idx";
